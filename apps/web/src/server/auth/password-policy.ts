/** Shared by better-auth's configuration and the sign-up form's hint. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
