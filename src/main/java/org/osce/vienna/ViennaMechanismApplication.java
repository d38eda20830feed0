package org.osce.vienna;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ViennaMechanismApplication {

  public static void main(String[] args) {
    SpringApplication.run(ViennaMechanismApplication.class, args);
  }
}
