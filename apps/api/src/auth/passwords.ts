import bcrypt from 'bcryptjs';

const COST = 10;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);

export const verifyPassword = (password: string, hash: string): Promise<boolean> =>
  bcrypt.compare(password, hash);

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
export const UNKNOWN_USER_HASH = bcrypt.hashSync('baton-unknown-user', COST);
