package org.imrplatform.products;

import java.time.LocalDate;

/** A product in the catalog. */
record Product(long id, String title, ProductKind kind, String area, LocalDate releasedOn) {
}
