import type { TSessionView } from '../../shared/auth';

type TUser = TSessionView['user'];

export const isAdmin = (user: TUser): boolean => user.roles.includes('admin');
export const isPlatformAdmin = (user: TUser): boolean => user.isPlatformAdmin;
