export { USER_ROLES, ZUserRole, hasRole, parseUserRole, type TUserRole } from './accounts/user-role';
export { createUserRepository, type UserRepository, type UserSummary } from './accounts/user.repository';
export { createUserService, type UserService } from './accounts/user.service';
export { createApiTokenRepository, type ApiTokenSummary } from './accounts/api-token.repository';
