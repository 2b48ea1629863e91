import { Center, Loader, Stack, Text, Button } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { MfaRequiredPage } from './pages/account/MfaRequiredPage';
import { MyAccountPage } from './pages/account/MyAccountPage';
import { MyCompanyPage } from './pages/portal/MyCompanyPage';
import { PortalClientPage } from './pages/portal/PortalClientPage';
import { PortalContactsPage } from './pages/portal/PortalContactsPage';
import { PortalShell } from './pages/portal/PortalShell';
import { PortalUsersPage } from './pages/portal/PortalUsersPage';
import { PortalContractPage, ServiceLevelsPage } from './pages/portal/ServiceLevelsPage';
import { ContractPage } from './pages/staff/pact/ContractPage';
import { SimulatorPage } from './pages/staff/pact/SimulatorPage';
import { CalendarEditorPage } from './pages/staff/pact/CalendarEditorPage';
import { CalendarsPage } from './pages/staff/pact/CalendarsPage';
import { CatalogPage } from './pages/staff/pact/CatalogPage';
import { PlanEditorPage } from './pages/staff/pact/PlanEditorPage';
import { PlansPage } from './pages/staff/pact/PlansPage';
import { PriorityMatrixPage } from './pages/staff/pact/PriorityMatrixPage';
import { RidersPage } from './pages/staff/pact/RidersPage';
import { InvitePage } from './pages/public/InvitePage';
import { SetupPage } from './pages/public/SetupPage';
import { SignInPage } from './pages/public/SignInPage';
import { SurveyPage } from './pages/public/SurveyPage';
import { UnsubscribePage } from './pages/public/UnsubscribePage';
import { AnnouncementComposePage } from './pages/staff/announcements/AnnouncementComposePage';
import { AnnouncementsPage } from './pages/staff/announcements/AnnouncementsPage';
import { RecipientsPage } from './pages/staff/announcements/RecipientsPage';
import { PortalAnnouncementsPage } from './pages/portal/PortalAnnouncementsPage';
import { SatisfactionSettingsPage } from './pages/staff/settings/SatisfactionSettingsPage';
import { ApiTokensPage } from './pages/staff/ApiTokensPage';
import { AuditLogPage } from './pages/staff/AuditLogPage';
import { ClientPage } from './pages/staff/ClientPage';
import { ClientsPage } from './pages/staff/ClientsPage';
import { SecuritySettingsPage } from './pages/staff/SecuritySettingsPage';
import { StaffShell } from './pages/staff/StaffShell';
import { UsersPage } from './pages/staff/UsersPage';
import { NotFound } from './components/NotFound';
import { BoardPage } from './pages/staff/tickets/BoardPage';
import { NewTicketPage } from './pages/staff/tickets/NewTicketPage';
import { TicketPage } from './pages/staff/tickets/TicketPage';
import { TicketSettingsPage } from './pages/staff/tickets/TicketSettingsPage';
import { PortalNewTicketPage } from './pages/portal/tickets/PortalNewTicketPage';
import { PortalTicketPage } from './pages/portal/tickets/PortalTicketPage';
import { PortalTicketsPage } from './pages/portal/tickets/PortalTicketsPage';
import { PortalReviewPackPage, PortalScorecardPage, PortalScorecardRedirect, PortalScorecardsPage, PortalStatementPage } from './pages/portal/scorecards/PortalScorecardPages';
import { ReviewPackPage } from './pages/staff/scorecards/ReviewPackPage';
import { ScorecardPage } from './pages/staff/scorecards/ScorecardPage';
import { ScorecardsPage } from './pages/staff/scorecards/ScorecardsPage';
import { StatementPage } from './pages/staff/scorecards/StatementPage';
import { SummaryBatchPage } from './pages/staff/summaries/SummaryBatchPage';
import { SummaryPage } from './pages/staff/summaries/SummaryPage';
import { PortalSummariesPage, PortalSummaryPage } from './pages/portal/PortalSummariesPage';
import { ProblemPage } from './pages/staff/problems/ProblemPage';
import { ProblemsPage } from './pages/staff/problems/ProblemsPage';
import { PortalProblemPage } from './pages/portal/problems/PortalProblemPage';
import { PortalProblemsPage } from './pages/portal/problems/PortalProblemsPage';
import { PortalMeetingPage, PortalMeetingsPage } from './pages/portal/meetings/PortalMeetingsPage';
import { MeetingPage } from './pages/staff/meetings/MeetingPage';
import { AtRiskPage } from './pages/staff/satisfaction/AtRiskPage';
import { SatisfactionPage } from './pages/staff/satisfaction/SatisfactionPage';
import { errorMessage } from './api';
import { isClientRole, useSession } from './session';

/** Which screens exist depends on the session: set-up, signed out, MFA required, staff or portal. */
export function App() {
  const session = useSession();
  const location = useLocation();

  // Survey links are answered by whoever holds them, signed in or not, whatever the session is doing.
  if (location.pathname.startsWith('/s/'))
    return (
      <Routes>
        <Route path="/s/:kind/:token" element={<SurveyPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    );
  // Unsubscribe links likewise: the newsletter's reader may never have an account.
  if (location.pathname.startsWith('/unsubscribe/'))
    return (
      <Routes>
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    );
  if (session.isPending)
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (session.isError)
    return (
      <Center mih="100vh" p="md">
        <Stack align="center">
          <Text>servicepact could not be reached: {errorMessage(session.error)}</Text>
          <Button onClick={() => session.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  const s = session.data;

  if (s.setupRequired)
    return (
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="*" element={<Navigate to="/setup" replace />} />
      </Routes>
    );

  if (!s.user || s.mfaPending) {
    const next = location.pathname === '/' || location.pathname === '/sign-in' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage key={s.mfaPending ? 'mfa' : 'password'} />} />
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route path="*" element={<Navigate to={`/sign-in${next}`} replace />} />
      </Routes>
    );
  }

  if (s.mfaEnrolmentRequired)
    return (
      <Routes>
        <Route path="/account/two-factor" element={<MfaRequiredPage />} />
        <Route path="*" element={<Navigate to="/account/two-factor" replace />} />
      </Routes>
    );

  if (isClientRole(s.user.role))
    return (
      <Routes>
        <Route path="/invite/:token" element={<Navigate to="/portal" replace />} />
        <Route path="/portal" element={<PortalShell />}>
          <Route index element={<MyCompanyPage />} />
          <Route path="service-levels" element={<ServiceLevelsPage />} />
          <Route path="tickets" element={<PortalTicketsPage />} />
          <Route path="tickets/new" element={<PortalNewTicketPage />} />
          <Route path="tickets/:ticketId" element={<PortalTicketPage />} />
          <Route path="announcements" element={<PortalAnnouncementsPage />} />
          {s.user.role === 'client_admin' && <Route path="contacts" element={<PortalContactsPage />} />}
          {s.user.role === 'client_admin' && <Route path="users" element={<PortalUsersPage />} />}
          {s.user.role === 'client_admin' && (
            <>
              <Route path="scorecards" element={<PortalScorecardsPage />} />
              <Route path="scorecards/:contractId" element={<PortalScorecardsPage />} />
              <Route path="scorecards/:contractId/review-pack" element={<PortalReviewPackPage />} />
              <Route path="scorecards/:contractId/:periodKey" element={<PortalScorecardPage />} />
              <Route path="scorecards/:contractId/:periodKey/statement" element={<PortalStatementPage />} />
              <Route path="problems" element={<PortalProblemsPage />} />
              <Route path="problems/:problemId" element={<PortalProblemPage />} />
              <Route path="summaries" element={<PortalSummariesPage />} />
              <Route path="summaries/:periodKey" element={<PortalSummaryPage />} />
            </>
          )}
          <Route path="meetings" element={<PortalMeetingsPage />} />
          <Route path="meetings/:contractId/:start" element={<PortalMeetingPage />} />
          <Route path="account" element={<MyAccountPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="/" element={<PortalShell />}>
          <Route path="clients/:clientId" element={<PortalClientPage />} />
          <Route path="contracts/:contractId" element={<PortalContractPage />} />
          {s.user.role === 'client_admin' && (
            <>
              <Route path="contracts/:contractId/scorecards" element={<PortalScorecardRedirect to="list" />} />
              <Route path="contracts/:contractId/scorecards/:periodKey" element={<PortalScorecardRedirect to="scorecard" />} />
              <Route path="contracts/:contractId/statements/:periodKey" element={<PortalScorecardRedirect to="statement" />} />
              <Route path="contracts/:contractId/review-pack" element={<PortalScorecardRedirect to="reviewPack" />} />
            </>
          )}
          <Route path="*" element={<Navigate to="/portal" replace />} />
        </Route>
        <Route path="/" element={<Navigate to="/portal" replace />} />
      </Routes>
    );

  return (
    <Routes>
      <Route path="/" element={<StaffShell />}>
        <Route index element={<Navigate to="/clients" replace />} />
        <Route path="sign-in" element={<Navigate to="/clients" replace />} />
        <Route path="setup" element={<Navigate to="/clients" replace />} />
        <Route path="invite/:token" element={<Navigate to="/clients" replace />} />
        <Route path="board" element={<BoardPage />} />
        <Route path="my-tickets" element={<BoardPage key="mine" mine />} />
        <Route path="tickets/new" element={<NewTicketPage />} />
        <Route path="tickets/:ticketId" element={<TicketPage />} />
        <Route path="settings/tickets" element={<TicketSettingsPage />} />
        <Route path="clients" element={<ClientsPage />} />
        <Route path="clients/:clientId" element={<ClientPage />} />
        <Route path="clients/:clientId/summaries/:periodKey" element={<SummaryPage />} />
        <Route path="summaries/generate" element={<SummaryBatchPage />} />
        <Route path="problems" element={<ProblemsPage />} />
        <Route path="problems/:problemId" element={<ProblemPage />} />
        <Route path="announcements" element={<AnnouncementsPage />} />
        <Route path="announcements/new" element={<AnnouncementComposePage key="new" />} />
        <Route path="announcements/:announcementId" element={<AnnouncementComposePage />} />
        <Route path="announcements/:announcementId/recipients" element={<RecipientsPage />} />
        <Route path="at-risk" element={<AtRiskPage />} />
        <Route path="satisfaction" element={<SatisfactionPage />} />
        <Route path="contracts/:contractId" element={<ContractPage />} />
        <Route path="contracts/:contractId/scorecards" element={<ScorecardsPage />} />
        <Route path="contracts/:contractId/scorecards/:periodKey" element={<ScorecardPage />} />
        <Route path="contracts/:contractId/statements/:periodKey" element={<StatementPage />} />
        <Route path="contracts/:contractId/review-pack" element={<ReviewPackPage />} />
        <Route path="contracts/:contractId/meetings/:start" element={<MeetingPage />} />
        <Route path="pact/simulator" element={<SimulatorPage />} />
        <Route path="pact/matrix" element={<PriorityMatrixPage />} />
        <Route path="pact/calendars" element={<CalendarsPage />} />
        <Route path="pact/calendars/:calendarId" element={<CalendarEditorPage />} />
        <Route path="pact/plans" element={<PlansPage />} />
        <Route path="pact/plans/:planId" element={<PlanEditorPage />} />
        <Route path="pact/riders" element={<RidersPage />} />
        <Route path="pact/catalog" element={<CatalogPage />} />
        <Route path="settings/users" element={<UsersPage />} />
        <Route path="settings/api-tokens" element={<ApiTokensPage />} />
        <Route path="settings/audit-log" element={<AuditLogPage />} />
        <Route path="settings/security" element={<SecuritySettingsPage />} />
        <Route path="settings/satisfaction" element={<SatisfactionSettingsPage />} />
        <Route path="account" element={<MyAccountPage />} />
        <Route path="account/two-factor" element={<MyAccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
