package org.imrplatform.goals;

/**
 * The part of life a recovery goal touches. The IMR materials suggest areas like these when a person chooses a goal;
 * the exact list is not confirmed, so it stays short and "other" takes the rest.
 */
enum LifeArea {
    RELATIONSHIPS, WORK_SCHOOL, HOUSING, HEALTH, LEISURE, SPIRITUALITY, OTHER
}
