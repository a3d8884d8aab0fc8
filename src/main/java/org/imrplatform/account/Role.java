package org.imrplatform.account;

/** What a person may do. Everyone who registers is a learner; administrators grant the other roles. */
public enum Role {
    LEARNER, FACILITATOR, REVIEWER, ADMINISTRATOR
}
