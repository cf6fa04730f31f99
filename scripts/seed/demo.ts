import { eq, sql } from 'drizzle-orm'
import { memberships, organisations, userRoles, users } from '~/modules/accounts/schema'
import { getDb } from '~/platform/db.server'
import { seedAnalysisBench } from './analysis'
import { seedDemoBslMedia } from './bsl-media'
import { seedLocalDemocracyConsultation } from './consultation'
import { seedDemoComments } from './comments'
import { seedDemoEvents } from './events'

// Organisations named in Scotland's Open Government National Action Plan 2016–17 and the
// civil society partners who worked on it.
export const demoOrganisations = [
  {
    slug: 'scottish-government',
    name: { en: 'Scottish Government', gd: 'Riaghaltas na h-Alba' },
    description: {
      en: 'Leads the local democracy legislation and the Open Government Action Plan.',
      gd: 'A’ stiùireadh reachdas deamocrasaidh ionadail agus Plana-gnìomha an Riaghaltais Fhosgailte.',
    },
    website: 'https://www.gov.scot',
  },
  {
    slug: 'cosla',
    name: { en: 'COSLA', gd: 'COSLA' },
    description: {
      en: 'The Convention of Scottish Local Authorities, the voice of Scotland’s councils.',
      gd: 'Co-chruinneachadh Ùghdarrasan Ionadail na h-Alba, guth chomhairlean na h-Alba.',
    },
    website: 'https://www.cosla.gov.uk',
  },
  {
    slug: 'scottish-ogp-civil-society-network',
    name: { en: 'Scottish OGP Civil Society Network', gd: 'Lìonra Comann Catharra OGP na h-Alba' },
    description: {
      en: 'Citizens and civil society organisations who co-create Scotland’s open government commitments.',
      gd: 'Saoranaich agus buidhnean comann catharra a bhios a’ co-chruthachadh geallaidhean riaghaltais fhosgailte na h-Alba.',
    },
    website: null,
  },
  {
    slug: 'scvo',
    name: { en: 'Scottish Council for Voluntary Organisations', gd: 'Comhairle Bhuidhnean Saor-thoileach na h-Alba' },
    description: null,
    website: 'https://scvo.scot',
  },
  {
    slug: 'scottish-community-development-centre',
    name: { en: 'Scottish Community Development Centre', gd: 'Ionad Leasachadh Coimhearsnachd na h-Alba' },
    description: null,
    website: 'https://www.scdc.org.uk',
  },
  {
    slug: 'british-deaf-association-scotland',
    name: { en: 'British Deaf Association Scotland', gd: 'Comann Bodhar Bhreatainn, Alba' },
    description: {
      en: 'Represents Deaf people who use British Sign Language.',
      gd: 'A’ riochdachadh dhaoine Bodhar a bhios a’ cleachdadh Cànan Soidhnidh Bhreatainn.',
    },
    website: 'https://bda.org.uk',
  },
  {
    slug: 'electoral-reform-society-scotland',
    name: { en: 'Electoral Reform Society Scotland', gd: 'Comann Ath-leasachadh Taghaidh na h-Alba' },
    description: null,
    website: 'https://www.electoral-reform.org.uk/scotland',
  },
]

/** Demo accounts, documented in the README; sign in with these addresses in development. */
export const demoAccounts = [
  { email: 'admin@guth.example', displayName: 'Morag Admin', roles: ['admin'] as const },
  { email: 'official@guth.example', displayName: 'Iain Official', roles: ['official'] as const },
  { email: 'moderator@guth.example', displayName: 'Eilidh Moderator', roles: ['moderator'] as const },
  { email: 'organiser@guth.example', displayName: 'Calum Organiser', roles: [] as const },
  { email: 'citizen@guth.example', displayName: 'Ailsa Citizen', roles: [] as const },
]

const memberships_ = [
  { email: 'organiser@guth.example', organisation: 'scottish-ogp-civil-society-network', role: 'admin' as const },
  { email: 'official@guth.example', organisation: 'scottish-government', role: 'member' as const },
]

/**
 * Believable starting content. Idempotent: existing rows are left as they are, so it can run on
 * every start of an empty embedded database or by hand with `npm run db:seed`.
 * Later areas add their own sections here (the local democracy consultation, the Pioneer-year
 * events programme) as their tables arrive.
 */
export async function seedDemoContent() {
  const db = getDb()
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values(demoOrganisations).onConflictDoNothing()
    for (const account of demoAccounts) {
      await tx
        .insert(users)
        .values({ email: account.email, displayName: account.displayName })
        .onConflictDoNothing()
      const [user] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${account.email}`)
      for (const role of account.roles) {
        await tx.insert(userRoles).values({ userId: user!.id, role }).onConflictDoNothing()
      }
    }
    for (const membership of memberships_) {
      const [user] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${membership.email}`)
      const [organisation] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, membership.organisation))
      await tx
        .insert(memberships)
        .values({ userId: user!.id, organisationId: organisation!.id, role: membership.role, status: 'approved' })
        .onConflictDoNothing()
    }
  })
  await seedLocalDemocracyConsultation()
  await seedDemoBslMedia()
  await seedDemoComments()
  await seedDemoEvents()
  await seedAnalysisBench()
}
