package org.imrplatform.products;

/** A product of the area was added to the catalog. */
public record ProductsChanged(String area) {
}
