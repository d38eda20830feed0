package org.osce.vienna.casefile;

/** How the signed letter reaches the addressee's mission (contract values of {@code deliveryChannel}). */
public enum DeliveryChannel {
  EMAIL, BY_HAND
}
