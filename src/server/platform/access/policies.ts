// Loads every policy.ts so their rules are declared before the first request.
import '../audit/policy';
import '../auth/policy';
import '../tenancy/policy';
import '../mail/policy';
import '../auth/users/policy';
import '../auth/invitations/policy';
import '../../modules/requests/policies';
import '../../modules/accompaniments/policy';
import '../../modules/portal/policy';
import '../../modules/continuity/policy';
import '../../modules/rights/policy';
import '../../modules/recovery-documents/policy';
import '../../modules/recovery-documents/sharing/policy';
