import { hash, verify } from '@node-rs/argon2';

/**
 * OWASP's baseline parameters (19 MiB, 2 passes, 1 lane). argon2id is the library's default
 * algorithm (its enum is a const enum we cannot import under isolatedModules); a test checks it.
 */
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(input.hash, input.password);
  } catch {
    return false; // not an argon2 hash: treat as a wrong password, never as a crash
  }
}
