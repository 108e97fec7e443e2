// Builders of valid rows, each creating the parents it needs (organisation, inviter…).
export * from './organizations';
export * from './users';
export * from './invitations';
export * from './audit';
export * from './mail';
export * from './sessions';
export * from './continuity';
export * from './accompaniments';
