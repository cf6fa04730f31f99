import { eq, inArray, sql } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { organisations } from '~/modules/accounts/schema'
import { textToDoc } from '~/kernel/rich-text'
import { consultations } from '~/modules/consultations/schema'
import { events, programmes } from '~/modules/events/schema'
import { londonInstant, occurrences, repeatRule, ZONE } from '~/modules/events/time'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'

const PIONEER = 'open-government-pioneer-year'
// NEEDS REVIEW: Gaelic demo text, written with care but to be checked by a fluent speaker before real use.
const PIONEER_GD = {
  nameGd: 'Bliadhna Tùsaire an Riaghaltais Fhosgailte',
  descriptionGd: 'Prògram com-pàirteachaidh leis a’ chomann chatharra, le co-dhiù 6 tachartasan, mar a chaidh a ghealltainn ann am plana-gnìomha Riaghaltas Fosgailte na h-Alba.',
}

/** A wall-clock time in Scotland so many days from today (so the demo stays upcoming). */
function londonDay(daysFromToday: number, time: string) {
  const date = DateTime.now().setZone(ZONE).plus({ days: daysFromToday }).toFormat('yyyy-MM-dd')
  return londonInstant(date, time)!
}

interface SeedEvent {
  slug: string
  title: string
  summary: string
  description: string
  gd?: { title: string; summary: string; description: string }
  organisation: string
  inProgramme: boolean
  consultation?: string
  day: number
  from: string
  to: string
  mode: 'in_person' | 'online' | 'hybrid'
  venue?: string
  address?: string
  online?: boolean
  accessibility: string[]
  accessibilityNotes?: string
  capacity: number | null
  tags: string[]
  repeatMonthly?: number
}

// The Pioneer-year programme: "Jointly develop a programme of engagement with civil society including a minimum of 6 events".
const seedEvents: SeedEvent[] = [
  {
    slug: 'pioneer-year-launch-edinburgh',
    title: 'Open Government Pioneer year launch',
    summary: 'Hear what Scotland committed to as an Open Government Partnership pioneer, and shape how civil society takes part.',
    description: 'Scotland is one of the first subnational pioneers of the Open Government Partnership.\n\nThis launch brings together civil society, councils and the Scottish Government to agree how the programme of engagement will work over the year.\n\n## Programme\n\n- Welcome and the story so far\n- The five commitments in plain words\n- Table discussions: what would make you trust government more?',
    organisation: 'scottish-ogp-civil-society-network',
    inProgramme: true,
    day: 14,
    from: '10:00',
    to: '13:00',
    mode: 'in_person',
    venue: 'The Melting Pot',
    address: '5 Rose Street, Edinburgh EH2 2PR',
    accessibility: ['bsl', 'step_free', 'hearing_loop'],
    accessibilityNotes: 'Accessible toilets on the ground floor. Waverley station is a 5-minute walk on level ground.',
    capacity: 60,
    tags: ['open government', 'pioneer year'],
    // NEEDS REVIEW: Gaelic demo text, written with care but to be checked by a fluent speaker before real use.
    gd: {
      title: 'Cur air bhog bliadhna Tùsaire an Riaghaltais Fhosgailte',
      summary: 'Cluinn na gheall Alba mar thùsaire ann an Com-pàirteachas an Riaghaltais Fhosgailte, agus cuidich le bhith a’ dealbhadh mar a ghabhas an comann catharra pàirt.',
      description:
        'Tha Alba am measg a’ chiad thùsairean fo-nàiseanta ann an Com-pàirteachas an Riaghaltais Fhosgailte.\n\nAig an tachartas seo thig an comann catharra, comhairlean agus Riaghaltas na h-Alba còmhla gus aontachadh mar a dh’obraicheas am prògram com-pàirteachaidh thairis air a’ bhliadhna.\n\n## Prògram\n\n- Fàilte agus an sgeulachd gu ruige seo\n- Na còig geallaidhean ann am faclan sìmplidh\n- Còmhraidhean aig na bùird: dè a bheireadh ort barrachd earbsa a chur san riaghaltas?',
    },
  },
  {
    slug: 'local-democracy-conversation-glasgow',
    title: 'Local democracy conversation: Glasgow',
    summary: 'An evening on the Local Democracy Bill: what decisions should be made closer to your community?',
    description: 'Come and talk about the Local Democracy Bill with people from across Glasgow. What you say is written up and sent in as a response to the consultation.\n\nFood is provided. Childcare is available if you book it by the Friday before.',
    organisation: 'scottish-community-development-centre',
    inProgramme: true,
    consultation: 'local-democracy-bill',
    day: 21,
    from: '18:00',
    to: '20:00',
    mode: 'in_person',
    venue: 'Glasgow Caledonian University, Saltire Centre',
    address: 'Cowcaddens Road, Glasgow G4 0BA',
    accessibility: ['bsl', 'captions', 'step_free', 'childcare'],
    capacity: 80,
    tags: ['local democracy', 'consultation'],
  },
  {
    slug: 'highlands-islands-workshop-inverness',
    title: 'Highlands and Islands open government workshop',
    summary: 'How can people far from Edinburgh have a real say? A workshop for community councils and groups.',
    description: 'Distance, ferries and broadband all shape how people in the Highlands and Islands can take part. This workshop collects practical ideas for the action plan.',
    organisation: 'cosla',
    inProgramme: true,
    day: 28,
    from: '13:00',
    to: '16:00',
    mode: 'in_person',
    venue: 'Inverness Town House',
    address: 'High Street, Inverness IV1 1JJ',
    accessibility: ['step_free', 'hearing_loop'],
    capacity: 40,
    tags: ['open government', 'rural'],
  },
  {
    slug: 'open-data-surgery-dundee',
    title: 'Open data surgery: Dundee',
    summary: 'Bring a question about public data (spending, services, performance) and find the answer with help.',
    description: 'Volunteers help you find and understand the data public bodies publish. No experience needed; laptops provided.',
    organisation: 'scvo',
    inProgramme: true,
    day: 35,
    from: '17:30',
    to: '19:30',
    mode: 'in_person',
    venue: 'Dundee Central Library',
    address: 'The Wellgate, Dundee DD1 1DB',
    accessibility: ['step_free', 'quiet_space'],
    capacity: 25,
    tags: ['open data'],
  },
  {
    slug: 'coinneamh-fhosgailte-steornabhagh',
    title: 'Coinneamh fhosgailte / Open meeting: Stornoway',
    summary: 'A bilingual Gaelic and English meeting on open government in the Western Isles, in the room or online.',
    description: 'Bidh a’ choinneamh seo ann an Gàidhlig agus ann am Beurla.\n\nThis meeting is in Gaelic and English, with interpretation. Join in An Lanntair or online.',
    organisation: 'scottish-ogp-civil-society-network',
    inProgramme: true,
    day: 42,
    from: '19:00',
    to: '21:00',
    mode: 'hybrid',
    venue: 'An Lanntair',
    address: 'Kenneth Street, Stornoway HS1 2DS',
    online: true,
    accessibility: ['step_free', 'captions'],
    capacity: 50,
    tags: ['gaelic', 'open government', 'rural'],
  },
  {
    slug: 'bsl-community-session-open-government',
    title: 'BSL community session on the Open Government plan',
    summary: 'The action plan explained in British Sign Language, with time for questions and your views, online.',
    description: 'Led by Deaf presenters in BSL, with English captions. Your views are recorded and sent to the Open Government team.',
    organisation: 'british-deaf-association-scotland',
    inProgramme: true,
    day: 18,
    from: '18:30',
    to: '20:00',
    mode: 'online',
    online: true,
    accessibility: ['bsl', 'captions'],
    capacity: 40,
    tags: ['bsl', 'open government'],
  },
  {
    slug: 'online-open-government-drop-in',
    title: 'Monthly open government drop-in (online)',
    summary: 'A friendly half hour each month to ask about the Open Government programme and how to get involved.',
    description: 'Drop in at lunchtime: no need to prepare. The session in the holiday month is skipped.',
    organisation: 'electoral-reform-society-scotland',
    inProgramme: false,
    day: 7,
    from: '12:30',
    to: '13:00',
    mode: 'online',
    online: true,
    accessibility: ['captions'],
    capacity: null,
    tags: ['open government'],
    repeatMonthly: 6,
  },
]

/** The Pioneer-year programme and its events, with dates counted from today. Idempotent by slug. */
export async function seedDemoEvents() {
  await seedPioneerYear()
  await seedEventBench(getEnv().SEED_EVENT_BENCH)
}

async function seedPioneerYear() {
  const db = getDb()
  const [programme] = await db
    .insert(programmes)
    .values({ slug: PIONEER, name: 'Open Government Pioneer year', description: 'A programme of engagement with civil society, including a minimum of 6 events, as promised in Scotland’s Open Government action plan.', ...PIONEER_GD, targetEvents: 6 })
    .onConflictDoUpdate({ target: programmes.slug, set: { targetEvents: 6, ...PIONEER_GD } })
    .returning({ id: programmes.id })
  const organisationRows = await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(inArray(organisations.slug, seedEvents.map((e) => e.organisation)))
  const organisationId = new Map(organisationRows.map((row) => [row.slug, row.id]))
  for (const seed of seedEvents) {
    const owner = organisationId.get(seed.organisation)
    if (!owner) continue
    const [consultation] = seed.consultation ? await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, seed.consultation)) : []
    const startsAt = londonDay(seed.day, seed.from)
    const endsAt = londonDay(seed.day, seed.to)
    const rrule = seed.repeatMonthly ? repeatRule('monthly', seed.repeatMonthly, startsAt) : null
    // The repeating drop-in skips its fourth month (a holiday month).
    const skipped = rrule ? occurrences({ startsAt, endsAt, allDay: false, rrule, exdates: [] })[3] : undefined
    const gaelic = seed.gd ? { titleGd: seed.gd.title, summaryGd: seed.gd.summary, descriptionGd: textToDoc(seed.gd.description) as unknown as Record<string, unknown> } : null
    const insert = db
      .insert(events)
      .values({
        slug: seed.slug,
        title: seed.title,
        summary: seed.summary,
        description: textToDoc(seed.description) as unknown as Record<string, unknown>,
        ...gaelic,
        organisationId: owner,
        programmeId: seed.inProgramme ? programme!.id : null,
        consultationId: consultation?.id ?? null,
        startsAt,
        endsAt,
        rrule,
        exdates: skipped ? [skipped.startsAt.toISOString()] : [],
        mode: seed.mode,
        venue: seed.venue ?? null,
        address: seed.address ?? null,
        onlineUrl: seed.online ? `https://meet.guth.example/${seed.slug}` : null,
        accessibility: seed.accessibility,
        accessibilityNotes: seed.accessibilityNotes ?? null,
        capacity: seed.capacity,
        bookingRequired: seed.capacity !== null,
        tags: seed.tags,
        status: 'published',
        submittedAt: new Date(),
        publishedAt: new Date(),
      })
    // A database seeded before the Gaelic texts existed gets them; nothing else is overwritten.
    await (gaelic ? insert.onConflictDoUpdate({ target: events.slug, set: gaelic }) : insert.onConflictDoNothing({ target: events.slug }))
  }
}


/**
 * For the benchmark (SEED_EVENT_BENCH=2000): that many published one-off events, every four hours
 * from a month ago onwards, across the organisations, modes, topics and accessibility features.
 */
async function seedEventBench(total: number) {
  if (!total) return
  await getDb().execute(sql`
    WITH orgs AS (SELECT array_agg(id ORDER BY slug) AS ids FROM organisations)
    INSERT INTO events (slug, title, summary, organisation_id, starts_at, ends_at, mode, venue, address, accessibility, capacity, booking_required, tags, status, submitted_at, published_at)
    SELECT 'bench-event-' || g, 'Community conversation ' || g, 'A local conversation about open government and public services.',
           orgs.ids[1 + g % cardinality(orgs.ids)],
           now() - interval '30 days' + g * interval '4 hours', now() - interval '30 days' + g * interval '4 hours' + interval '2 hours',
           (ARRAY['in_person', 'online', 'hybrid'])[1 + g % 3]::event_mode, 'Community hall', 'High Street',
           CASE WHEN g % 4 = 0 THEN ARRAY['bsl', 'step_free'] ELSE ARRAY['step_free'] END, 50, true,
           ARRAY[(ARRAY['open government', 'open data', 'local democracy', 'bsl'])[1 + g % 4]], 'published', now(), now()
      FROM generate_series(1, ${total}::int) AS g, orgs
    ON CONFLICT (slug) DO NOTHING`)
}
