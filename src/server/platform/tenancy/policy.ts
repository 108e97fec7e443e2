import { allow } from '../access/policy';

declare module '../access/policy' {
  interface PolicyActions {
    /** Create organisations (one per region) and their first administrator. */
    'organizations.manage': undefined;
  }
}

allow('organizations.manage', (actor) => actor.isPlatformAdmin);
