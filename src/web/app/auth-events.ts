/**
 * The API client lives outside React; it announces session problems with DOM events and the
 * router-side listener (AuthEventsListener) decides where to go.
 */
export const SIGNED_OUT_EVENT = 'passerelle:signed-out';
export const ENROLMENT_REQUIRED_EVENT = 'passerelle:enrolment-required';

export function announce(event: typeof SIGNED_OUT_EVENT | typeof ENROLMENT_REQUIRED_EVENT): void {
  window.dispatchEvent(new Event(event));
}
