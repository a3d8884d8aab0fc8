package org.imrplatform.account;

/** What is known of a person when their account is created. */
record NewAccount(String email, String fullName, Discipline discipline, String organization, Region region) {
}
