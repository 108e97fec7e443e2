import { Outlet } from 'react-router';
import { AuthEventsListener } from './AuthEventsListener';

export function RootLayout() {
  return (
    <>
      <AuthEventsListener />
      <Outlet />
    </>
  );
}
