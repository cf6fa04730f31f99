import { and, asc, count, desc, eq, gte, ilike, inArray, lt, type SQL } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { forbidden } from './auth.server'
import { type AuditFilters, isCalendarDate } from './forms-admin'
import { isUuid } from '~/kernel/ids'
import { containsPattern } from './people.server'
import { type Actor, canReadAuditLog } from './permissions'
import { auditLog, users } from './schema'

export const AUDIT_PAGE_SIZE = 50

// Minutes Europe/London is ahead of UTC at this instant (0 in winter, 60 in summer).
function londonOffsetMinutes(instant: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'))
  return Math.round((local - instant.getTime()) / 60_000)
}

/**
 * The instant a Europe/London day (YYYY-MM-DD) begins, `plusDays` later. Clocks change at 01:00
 * UTC, so the UTC offset at UTC midnight is the offset at local midnight.
 */
export function startOfLondonDay(date: string, plusDays = 0) {
  if (!isCalendarDate(date)) throw new Error(`Not a date: ${date}`)
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const utcMidnight = new Date(Date.UTC(year, month - 1, day + plusDays))
  return new Date(utcMidnight.getTime() - londonOffsetMinutes(utcMidnight) * 60_000)
}

function conditions(filters: AuditFilters) {
  const where: SQL[] = []
  if (filters.action) where.push(eq(auditLog.action, filters.action))
  if (filters.subjectType) where.push(eq(auditLog.subjectType, filters.subjectType))
  if (filters.actor) where.push(ilike(users.email, containsPattern(filters.actor)))
  if (filters.from) where.push(gte(auditLog.createdAt, startOfLondonDay(filters.from)))
  // "To" includes the whole of that day.
  if (filters.to) where.push(lt(auditLog.createdAt, startOfLondonDay(filters.to, 1)))
  return where.length ? and(...where) : undefined
}

/**
 * Who did what, newest first, 50 to a page, filtered by action, actor email, subject type and
 * Europe/London dates. Platform admins only.
 *
 * A row without an actor was written by the system when its details say `system: true`;
 * otherwise its actor's account has since been deleted (the foreign key sets it to null).
 */
export async function listAudit(actor: Actor, filters: AuditFilters & { page?: number } = {}) {
  if (!canReadAuditLog(actor)) forbidden()
  const db = getDb()
  const page = Math.max(1, filters.page ?? 1)
  const where = conditions(filters)
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorEmail: users.email,
      actorName: users.displayName,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
  // The person a row is about: the subject itself, or the member in a membership change.
  const personAbout = (row: (typeof rows)[number]) => {
    const id = row.subjectType === 'user' ? row.subjectId : row.details.userId
    return isUuid(id) ? id : null
  }
  const subjectPeople = await peopleNamed(rows.flatMap((row) => personAbout(row) ?? []))
  return {
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor:
        row.actorId && row.actorEmail
          ? { kind: 'person' as const, id: row.actorId, email: row.actorEmail, displayName: row.actorName }
          : { kind: row.details.system === true ? ('system' as const) : ('deleted' as const) },
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      subjectPerson: subjectPeople.get(personAbout(row) ?? '') ?? null,
      details: row.details,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  }
}

async function peopleNamed(ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; label: string }>()
  const rows = await getDb()
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]))
  return new Map(rows.map((row) => [row.id, { id: row.id, label: row.displayName ?? row.email }]))
}

/** The actions and subject types that occur in the log, for the filter lists. Platform admins only. */
export async function auditFilterChoices(actor: Actor) {
  if (!canReadAuditLog(actor)) forbidden()
  const db = getDb()
  const [actions, subjectTypes] = await Promise.all([
    db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db.selectDistinct({ value: auditLog.subjectType }).from(auditLog).orderBy(asc(auditLog.subjectType)),
  ])
  return { actions: actions.map((row) => row.value), subjectTypes: subjectTypes.map((row) => row.value) }
}

/** How many entries the audit log holds. Platform admins only. */
export async function countAuditEntries(actor: Actor) {
  if (!canReadAuditLog(actor)) forbidden()
  const [row] = await getDb().select({ total: count() }).from(auditLog)
  return row?.total ?? 0
}

/** A moment as people in Scotland read it, e.g. "3 Jul 2026, 13:05" (Europe/London). */
export function formatLondon(date: Date, language: string, style: 'dateTime' | 'date' = 'dateTime') {
  return new Intl.DateTimeFormat(language === 'gd' ? 'gd-GB' : 'en-GB', {
    dateStyle: 'medium',
    ...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/London',
  }).format(date)
}
