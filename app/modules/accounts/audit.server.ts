import { getDb } from '~/platform/db.server'
import { auditLog } from './schema'

type Db = Pick<ReturnType<typeof getDb>, 'insert'>

export interface AuditEntry {
  actorId: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  details?: Record<string, unknown>
}

/** Records who did what to what. Pass the transaction so the record and the change land together. */
export async function recordAudit(entry: AuditEntry, db: Db = getDb()) {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  })
}
