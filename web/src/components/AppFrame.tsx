import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { Logo } from './Logo';
import { UserMenu } from './UserMenu';

export type NavItem = { to: string; label: string; icon: ReactNode; end?: boolean };
export type NavGroup = { label?: string; items: NavItem[] };

/**
 * The signed-in frame shared by staff and portal: header with the burger on small screens,
 * a navbar that collapses, and the page in the main area.
 */
export function AppFrame({ nav, subtitle, accountPath, headerExtra }: { nav: NavGroup[]; subtitle: string; accountPath: string; headerExtra?: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Logo />
            <Text size="sm" c="dimmed" className="sp-hide-mobile" lineClamp={1}>
              {subtitle}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {headerExtra}
            <UserMenu accountPath={accountPath} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {nav.map((group, i) => (
            <div key={i} style={{ marginBottom: 12 }}>
              {group.label && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={6}>
                  {group.label}
                </Text>
              )}
              {group.items.map((item) => {
                const active = item.end ? location.pathname === item.to : location.pathname === item.to || location.pathname.startsWith(item.to + '/');
                return (
                  <NavLink
                    key={item.to}
                    component={RouterNavLink}
                    to={item.to}
                    end={item.end}
                    label={item.label}
                    leftSection={item.icon}
                    active={active}
                    onClick={close}
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                );
              })}
            </div>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
