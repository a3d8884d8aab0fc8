package org.imrplatform.account;

/** Where a learner works: the center's states and territories, or elsewhere. */
public enum Region {
    NY, NJ, PR, USVI, OTHER
}
