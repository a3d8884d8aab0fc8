/**
 * The Illness Management and Recovery Scale (IMRS): the client self-rating and the clinician rating as versioned
 * data files, participants' ratings over time, their means, and who is due for the next rating. Other modules read
 * first and latest means and due dates through {@link org.imrplatform.imrs.ImrsRatings}.
 */
package org.imrplatform.imrs;
