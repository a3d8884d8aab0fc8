package org.imrplatform.imports;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/** A row of an uploaded file that cannot be imported, with every reason, each a message key and its arguments. */
public record RejectedRow(int row, List<MessageSourceResolvable> reasons) {
}
