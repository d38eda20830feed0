/* The one way the Cases and Statistics views make page elements. */

/** An element with attributes and children (text is always text, never HTML). */
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? "" : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}
