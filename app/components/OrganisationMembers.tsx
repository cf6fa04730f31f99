import { Form } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Button } from './ds/forms'
import { CsrfInput } from './FormSecurity'

export interface MemberRow {
  userId: string
  displayName: string | null
  email: string
  role: 'member' | 'admin'
  status: 'pending' | 'approved'
  /** already formatted for the reader (Europe/London) */
  since: string
}

// One button in its own small form: the action of the page it sits on handles the intent.
function MemberButton({ intent, userId, label, who, secondary }: { intent: string; userId: string; label: string; who: string; secondary?: boolean }) {
  return (
    <Form method="post" className="ds_no-margin">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" className={`ds_button ds_button--small${secondary ? ' ds_button--secondary' : ''}`}>
        {label}
        <span className="visually-hidden"> ({who})</span>
      </Button>
    </Form>
  )
}

/** People waiting to join, with Approve and Reject. Shown to the organisation's admins and platform admins. */
export function PendingRequests({ requests }: { requests: MemberRow[] }) {
  const { t } = useTranslation('admin')
  if (!requests.length) return <p>{t('members.noRequests')}</p>
  return (
    <table className="ds_table">
      <caption className="ds_table__caption">{t('members.requestsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('members.name')}</th>
          <th scope="col">{t('members.email')}</th>
          <th scope="col">{t('members.asked')}</th>
          <th scope="col">{t('members.decision')}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => {
          const who = request.displayName ?? request.email
          return (
            <tr key={request.userId}>
              <td>{request.displayName ?? t('members.noName')}</td>
              <td>{request.email}</td>
              <td>{request.since}</td>
              <td>
                <div className="ds_button-group ds_button-group--inline">
                  <MemberButton intent="approve" userId={request.userId} label={t('members.approve')} who={who} />
                  <MemberButton intent="reject" userId={request.userId} label={t('members.reject')} who={who} secondary />
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** Approved members with their role, and buttons to change the role or remove them. */
export function MembersTable({ members }: { members: MemberRow[] }) {
  const { t } = useTranslation('admin')
  if (!members.length) return <p>{t('members.noMembers')}</p>
  return (
    <table className="ds_table">
      <caption className="ds_table__caption">{t('members.membersCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('members.name')}</th>
          <th scope="col">{t('members.email')}</th>
          <th scope="col">{t('members.role')}</th>
          <th scope="col">{t('members.status')}</th>
          <th scope="col">{t('members.since')}</th>
          <th scope="col">{t('members.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const who = member.displayName ?? member.email
          return (
            <tr key={member.userId}>
              <td>{member.displayName ?? t('members.noName')}</td>
              <td>{member.email}</td>
              <td>{t(`members.roles.${member.role}`)}</td>
              <td>{t(`members.statuses.${member.status}`)}</td>
              <td>{member.since}</td>
              <td>
                <div className="ds_button-group ds_button-group--inline">
                  {member.role === 'admin' ? (
                    <MemberButton intent="makeMember" userId={member.userId} label={t('members.makeMember')} who={who} secondary />
                  ) : (
                    <MemberButton intent="makeAdmin" userId={member.userId} label={t('members.makeAdmin')} who={who} secondary />
                  )}
                  <MemberButton intent="remove" userId={member.userId} label={t('members.remove')} who={who} secondary />
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** The management part of an organisation's page, the same on the public page and in admin. */
export function OrganisationManagement({
  members,
  pending,
  headingLevel = 2,
}: {
  members: MemberRow[]
  pending: MemberRow[]
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation('admin')
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      <Heading id="manage-requests" tabIndex={-1}>
        {t('members.requestsHeading')}
      </Heading>
      <PendingRequests requests={pending} />
      <Heading id="manage-members" tabIndex={-1}>
        {t('members.membersHeading')}
      </Heading>
      <MembersTable members={members} />
    </>
  )
}
