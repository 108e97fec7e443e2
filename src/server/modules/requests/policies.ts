// Loads the person and request rules (one import from platform/access/policies.ts).
import '../persons/policy';
import './policy';
