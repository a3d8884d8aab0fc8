package org.imrplatform.account;

/** A learner's professional background, as the center reports it. */
public enum Discipline {
    PEER_SPECIALIST, SOCIAL_WORKER, COUNSELOR, PSYCHOLOGIST, NURSE, CASE_MANAGER, PSYCHIATRIST, OTHER
}
