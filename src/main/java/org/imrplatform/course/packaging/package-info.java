/** Reading and checking course packages; its YAML reading is shared with other files shipped as YAML. */
@NamedInterface("packaging")
package org.imrplatform.course.packaging;

import org.springframework.modulith.NamedInterface;
