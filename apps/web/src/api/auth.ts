import { apiRequest } from './client';
import type { LoginResult, User } from './types';

export function login(email: string, password: string): Promise<LoginResult> {
  return apiRequest<LoginResult>('/auth/login', {
    method: 'POST',
    body: { email, password },
    authenticated: false,
  });
}

/** Ends a session whose token was already dropped locally, so a refusal here is not reported as a session end. */
export async function logout(token: string): Promise<void> {
  await apiRequest<null>('/auth/logout', {
    method: 'POST',
    authenticated: false,
    headers: { Authorization: `Bearer ${token}` },
  });
}

export function fetchCurrentUser(signal?: AbortSignal): Promise<User> {
  return apiRequest<User>('/auth/me', { signal });
}
