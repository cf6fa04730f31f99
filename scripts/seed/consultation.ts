import { eq, sql } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { organisations, users } from '~/modules/accounts/schema'
import { assignBlockIds, textToDoc } from '~/kernel/rich-text'
import { londonInstant, ZONE } from '~/kernel/london-time'
import type { QuestionKind } from '~/modules/consultations/questions'
import { consultations, type QuestionOption, questions } from '~/modules/consultations/schema'
import { type Translated } from '~/kernel/translated'
import { getDb } from '~/platform/db.server'

interface SeedQuestion {
  kind: QuestionKind
  prompt: Translated
  help?: Translated
  options?: QuestionOption[]
  required?: boolean
  charLimit?: number
  followUp?: Omit<SeedQuestion, 'followUp'>
}

interface SeedConsultation {
  slug: string
  title: Translated
  summary: Translated
  body: string
  team: string
  contactEmail: string
  postalAddress?: string
  opensAt: Date
  closesAt: Date
  sections: { title: Translated; questions: SeedQuestion[] }[]
}

/** A date so many days from today in Scotland, at a wall-clock time there. */
function londonDay(daysFromToday: number, time: string) {
  const date = DateTime.now().setZone(ZONE).plus({ days: daysFromToday }).toFormat('yyyy-MM-dd')
  return londonInstant(date, time)!
}

const option = (value: string, en: string, gd: string): QuestionOption => ({ value, label: { en, gd } })

const explain: Omit<SeedQuestion, 'followUp'> = {
  kind: 'long_text',
  prompt: { en: 'Please explain your answer', gd: 'Mìnich do fhreagairt' },
  charLimit: 2000,
}

const localDemocracyBody = `## Ministerial foreword

Scotland’s communities know best what they need. Yet too many of the decisions that shape daily life – about local services, public spaces and how public money is spent – are still taken a long way from the people they affect.

Since 2017 the Scottish Government and COSLA have worked together on the Local Governance Review. Through the Democracy Matters conversations, thousands of people, community groups and public bodies told us that they want more control over decisions about their own places. This consultation sets out how a Local Democracy Bill could make that happen, and asks for your views.

## Why we are consulting

People told us that the current arrangements can feel distant and hard to influence. Community councils, development trusts and local groups do valuable work, but they often lack the powers and the resources to make lasting decisions. We want to hear from you before we finalise our proposals, so that the Bill reflects the experience of communities across Scotland, from our cities to our islands.

## What the Bill would do

The Bill would write the principle of subsidiarity into law: decisions should be taken at the most local level that makes sense. In particular, it would:

- place a duty on public bodies to consider whether a decision could be taken closer to the communities it affects
- let communities set up community decision-making bodies, with clear powers, funding and accountability
- build on participatory budgeting, so that local people decide directly how a share of public money is spent
- give every community a right to request decision-making powers over local services, with a fair process and a right of appeal
- require community decision-making bodies to be accessible, including in British Sign Language and in Gaelic

## Who we want to hear from

We want to hear from anyone who lives or works in Scotland: individuals, community councils, voluntary and third sector organisations, councils and other public bodies. We particularly want to hear from people whose voices are often missing from local decision-making, including disabled people, young people, people on low incomes, and people whose first or preferred language is British Sign Language or Gaelic.

## How we will use your views

An independent analysis of all the responses will be published. Where you have given permission, we will publish your response too. Your views will shape the final proposals and the Bill we introduce to the Scottish Parliament.

## Next steps

When the consultation closes we will analyse the responses and publish a report of what we heard. We will then work with COSLA, community organisations and the Scottish OGP Civil Society Network to finalise the Bill before it is introduced.`

function localDemocracy(): SeedConsultation {
  return {
    slug: 'local-democracy-bill',
    title: {
      en: 'Local Democracy Bill: bringing decisions closer to communities',
      gd: 'Bile Deamocrasaidh Ionadail: a’ toirt cho-dhùnaidhean nas fhaisge air coimhearsnachdan',
    },
    summary: {
      en: 'We are seeking views on proposals for a Local Democracy Bill, which would give communities more say over the decisions that affect them. The proposals follow the Local Governance Review and the Democracy Matters conversations, in which people across Scotland told us they want decisions taken closer to where they live.',
      gd: 'Tha sinn a’ sireadh bheachdan air molaidhean airson Bile Deamocrasaidh Ionadail, a bheireadh barrachd guth do choimhearsnachdan air na co-dhùnaidhean a bheir buaidh orra. Tha na molaidhean a’ leantainn an Lèirmheis air Riaghladh Ionadail agus nan còmhraidhean “Democracy Matters”, far an do dh’innis daoine air feadh na h-Alba dhuinn gu bheil iad airson co-dhùnaidhean a dhèanamh nas fhaisge air far a bheil iad a’ fuireach.',
    },
    body: localDemocracyBody,
    team: 'Local Governance Review Team',
    contactEmail: 'localdemocracy@gov.scot.example',
    postalAddress: 'Local Governance Review Team\nScottish Government\nVictoria Quay\nEdinburgh\nEH6 6QQ',
    opensAt: londonDay(-14, '09:00'),
    closesAt: londonDay(60, '23:59'),
    sections: [
      {
        title: { en: 'About decision-making in your area', gd: 'Mu dhèidhinn co-dhùnaidhean san sgìre agad' },
        questions: [
          {
            kind: 'text',
            prompt: { en: 'Which area do you live in?', gd: 'Dè an sgìre sa bheil thu a’ fuireach?' },
            help: {
              en: 'For example, your council area, town or island. This helps us understand views from different parts of Scotland.',
              gd: 'Mar eisimpleir, sgìre na comhairle, am baile no an t-eilean agad. Cuidichidh seo sinn gus beachdan à diofar phàirtean de dh’Alba a thuigsinn.',
            },
            charLimit: 100,
          },
          {
            kind: 'scale',
            prompt: {
              en: 'Decisions about local services should be made closer to the communities affected',
              gd: 'Bu chòir co-dhùnaidhean mu sheirbheisean ionadail a dhèanamh nas fhaisge air na coimhearsnachdan air a bheil iad a’ toirt buaidh',
            },
            help: { en: 'How far do you agree or disagree?', gd: 'Dè cho mòr ’s a tha thu ag aontachadh no ag eas-aontachadh?' },
            required: true,
            followUp: explain,
          },
          {
            kind: 'single',
            prompt: {
              en: 'Which level should decide on local transport priorities?',
              gd: 'Aig dè an ìre a bu chòir co-dhùnaidhean a dhèanamh mu phrìomhachasan còmhdhail ionadail?',
            },
            help: { en: 'For example, bus routes, cycle paths and road repairs.', gd: 'Mar eisimpleir, slighean bus, slighean rothaireachd agus càradh rathaidean.' },
            options: [
              option('national', 'The Scottish Government', 'Riaghaltas na h-Alba'),
              option('regional', 'A regional transport partnership', 'Com-pàirteachas còmhdhail roinneil'),
              option('council', 'The local council', 'A’ chomhairle ionadail'),
              option('community', 'A community decision-making body', 'Buidheann co-dhùnaidh coimhearsnachd'),
              option('not_sure', 'I am not sure', 'Chan eil mi cinnteach'),
            ],
            followUp: explain,
          },
        ],
      },
      {
        title: { en: 'Community decision-making bodies', gd: 'Buidhnean co-dhùnaidh coimhearsnachd' },
        questions: [
          {
            kind: 'multiple',
            prompt: {
              en: 'Which of these should community bodies be able to decide?',
              gd: 'Cò dhiubh seo air am bu chòir do bhuidhnean coimhearsnachd a bhith comasach air co-dhùnadh?',
            },
            help: { en: 'Select all that apply.', gd: 'Tagh a h-uile gin a tha iomchaidh.' },
            options: [
              option('parks', 'Local parks and green spaces', 'Pàircean ionadail agus àiteachan uaine'),
              option('streets', 'Street cleaning and litter', 'Glanadh shràidean agus sgudal'),
              option('halls', 'Community halls and libraries', 'Tallachan coimhearsnachd agus leabharlannan'),
              option('paths', 'Local roads and paths', 'Rathaidean agus frith-rathaidean ionadail'),
              option('events', 'Local events and festivals', 'Tachartasan agus fèisean ionadail'),
              option('grants', 'Grants for local groups', 'Tabhartasan do bhuidhnean ionadail'),
            ],
          },
          {
            kind: 'yes_no',
            prompt: {
              en: 'Should every community have the right to request decision-making powers?',
              gd: 'Am bu chòir còir a bhith aig gach coimhearsnachd cumhachdan co-dhùnaidh iarraidh?',
            },
            required: true,
            followUp: explain,
          },
          {
            kind: 'long_text',
            prompt: {
              en: 'How should community decision-making bodies be accountable to the people they serve?',
              gd: 'Ciamar a bu chòir do bhuidhnean co-dhùnaidh coimhearsnachd a bhith cunntachail do na daoine dha bheil iad a’ toirt seirbheis?',
            },
            help: {
              en: 'For example, elections, open meetings or published minutes.',
              gd: 'Mar eisimpleir, taghaidhean, coinneamhan fosgailte no geàrr-chunntasan foillsichte.',
            },
            charLimit: 2000,
          },
        ],
      },
      {
        title: { en: 'Participatory budgeting', gd: 'Buidseatadh com-pàirteach' },
        questions: [
          {
            kind: 'scale',
            prompt: {
              en: 'Communities should decide, through participatory budgeting, how at least 1% of council budgets is spent',
              gd: 'Bu chòir do choimhearsnachdan co-dhùnadh, tro bhuidseatadh com-pàirteach, mar a thèid co-dhiù 1% de bhuidseatan chomhairlean a chosg',
            },
            help: {
              en: 'Participatory budgeting lets local people vote on how public money is spent in their area.',
              gd: 'Le buidseatadh com-pàirteach, faodaidh muinntir an àite bhòtadh air mar a thèid airgead poblach a chosg san sgìre aca.',
            },
            required: true,
          },
          {
            kind: 'single',
            prompt: {
              en: 'How would you most like to take part in participatory budgeting?',
              gd: 'Ciamar as fheàrr leat pàirt a ghabhail ann am buidseatadh com-pàirteach?',
            },
            options: [
              option('online', 'By voting online', 'Le bhith a’ bhòtadh air loidhne'),
              option('event', 'At a community event', 'Aig tachartas coimhearsnachd'),
              option('post', 'By post', 'Tron phost'),
              option('none', 'I would not want to take part', 'Cha bhiodh mi airson pàirt a ghabhail'),
            ],
          },
        ],
      },
      {
        title: { en: 'Equalities and access', gd: 'Co-ionannachd agus ruigsinneachd' },
        questions: [
          {
            kind: 'yes_no',
            prompt: {
              en: 'Should community decision-making bodies have to offer their meetings and papers in British Sign Language and Gaelic?',
              gd: 'Am bu chòir gum feumadh buidhnean co-dhùnaidh coimhearsnachd na coinneamhan is na pàipearan aca a thabhann ann an Cànan Soidhnidh Bhreatainn agus sa Ghàidhlig?',
            },
            followUp: explain,
          },
          {
            kind: 'long_text',
            prompt: {
              en: 'What would help you, or people you know, take part in local decision-making?',
              gd: 'Dè a chuidicheadh thusa, no daoine as aithne dhut, gus pàirt a ghabhail ann an co-dhùnaidhean ionadail?',
            },
            help: {
              en: 'For example, meetings at different times, childcare, interpreters, or information in other formats.',
              gd: 'Mar eisimpleir, coinneamhan aig amannan eadar-dhealaichte, cùram-cloinne, eadar-mhìnichearan, no fiosrachadh ann an cruthan eile.',
            },
            charLimit: 2000,
          },
          {
            kind: 'ranking',
            prompt: {
              en: 'Which should a new community body take on first?',
              gd: 'Dè bu chòir do bhuidheann coimhearsnachd ùr a ghabhail os làimh an toiseach?',
            },
            help: { en: 'Rank as many as you like.', gd: 'Rangaich na thogras tu dhiubh.' },
            options: [
              option('parks', 'Local parks and green spaces', 'Pàircean ionadail agus àiteachan uaine'),
              option('halls', 'Community halls and libraries', 'Tallachan coimhearsnachd agus leabharlannan'),
              option('paths', 'Local roads and paths', 'Rathaidean agus frith-rathaidean ionadail'),
              option('grants', 'Grants for local groups', 'Tabhartasan do bhuidhnean ionadail'),
            ],
          },
          {
            kind: 'long_text',
            prompt: {
              en: 'Is there anything else you would like to tell us about the proposals?',
              gd: 'A bheil dad sam bith eile a bu toil leat innse dhuinn mu na molaidhean?',
            },
            charLimit: 2000,
          },
        ],
      },
    ],
  }
}

function budgetEngagement(): SeedConsultation {
  return {
    slug: 'scottish-budget-engagement-2026',
    title: { en: 'Scottish Budget engagement 2026', gd: 'Com-pàirteachadh mu Bhuidseat na h-Alba 2026' },
    summary: {
      en: 'We asked for views on the priorities for the Scottish Budget 2026 to 2027, and on how we could make information about the Budget clearer and easier to find.',
      gd: 'Dh’iarr sinn beachdan air na prìomhachasan airson Buidseat na h-Alba 2026 gu 2027, agus air mar a b’ urrainn dhuinn fiosrachadh mun Bhuidseat a dhèanamh nas soilleire agus nas fhasa a lorg.',
    },
    body: `## Why we asked

Open budgets are a commitment of Scotland’s Open Government Action Plan. We wanted to understand what matters most to people when the Budget is set, and what would help them follow how public money is spent.

## What happens next

We are analysing the responses and will publish a summary of what we heard alongside the Budget.`,
    team: 'Budget Engagement Team',
    contactEmail: 'budgetengagement@gov.scot.example',
    opensAt: londonDay(-120, '09:00'),
    closesAt: londonDay(-30, '23:59'),
    sections: [
      {
        title: { en: 'Budget priorities', gd: 'Prìomhachasan a’ bhuidseit' },
        questions: [
          {
            kind: 'multiple',
            prompt: { en: 'Which areas of spending matter most to you?', gd: 'Dè na raointean caitheamh as cudromaiche dhut?' },
            help: { en: 'Select all that apply.', gd: 'Tagh a h-uile gin a tha iomchaidh.' },
            options: [
              option('health', 'Health and social care', 'Slàinte agus cùram sòisealta'),
              option('education', 'Education and skills', 'Foghlam agus sgilean'),
              option('housing', 'Housing', 'Taigheadas'),
              option('transport', 'Transport', 'Còmhdhail'),
              option('climate', 'Climate and net zero', 'Gnàth-shìde agus neoni lom'),
              option('local', 'Local government', 'Riaghaltas ionadail'),
            ],
            required: true,
          },
          {
            kind: 'scale',
            prompt: {
              en: 'Information about the Scottish Budget is easy to find and understand',
              gd: 'Tha fiosrachadh mu Bhuidseat na h-Alba furasta a lorg agus a thuigsinn',
            },
            followUp: explain,
          },
          {
            kind: 'long_text',
            prompt: { en: 'How could we explain the Budget more clearly?', gd: 'Ciamar a b’ urrainn dhuinn am Buidseat a mhìneachadh nas soilleire?' },
            charLimit: 1000,
          },
        ],
      },
    ],
  }
}

function openGovernmentActionPlan(): SeedConsultation {
  return {
    slug: 'open-government-action-plan-2027',
    title: {
      en: 'Open Government Action Plan: commitments for 2027',
      gd: 'Plana-gnìomha an Riaghaltais Fhosgailte: geallaidhean airson 2027',
    },
    summary: {
      en: 'Help us choose the commitments in Scotland’s next Open Government Action Plan. We want to hear which changes would make government more open, accountable and responsive to you.',
      gd: 'Cuidich sinn gus na geallaidhean a thaghadh airson an ath Phlana-gnìomha airson Riaghaltas Fosgailte ann an Alba. Tha sinn airson cluinntinn dè na h-atharrachaidhean a dhèanadh an riaghaltas nas fhosgailte, nas cunntachaile agus nas freagairtiche dhut.',
    },
    body: `## About the Action Plan

Scotland is a member of the Open Government Partnership. Every few years the Scottish Government and civil society agree a set of commitments together: this consultation is the first step towards the next plan.

## Taking part

You can respond online, in British Sign Language, by email or by post. We will also hold events across Scotland while the consultation is open.`,
    team: 'Open Government Team',
    contactEmail: 'opengovernment@gov.scot.example',
    postalAddress: 'Open Government Team\nScottish Government\nSt Andrew’s House\nRegent Road\nEdinburgh\nEH1 3DG',
    opensAt: londonDay(21, '09:00'),
    closesAt: londonDay(21 + 84, '23:59'),
    sections: [
      {
        title: { en: 'Priorities for the plan', gd: 'Prìomhachasan a’ phlana' },
        questions: [
          {
            kind: 'single',
            prompt: { en: 'Which theme should be the first priority?', gd: 'Dè an cuspair a bu chòir a bhith mar a’ chiad phrìomhachas?' },
            options: [
              option('finance', 'Financial transparency', 'Follaiseachd ionmhais'),
              option('participation', 'Participation in decision-making', 'Com-pàirteachadh ann an co-dhùnaidhean'),
              option('information', 'Access to information', 'Cothrom air fiosrachadh'),
              option('climate', 'Climate and net zero', 'Gnàth-shìde agus neoni lom'),
            ],
            required: true,
          },
          {
            kind: 'yes_no',
            prompt: {
              en: 'Would you like to help civil society and government write one of the commitments?',
              gd: 'Am bu toil leat an comann catharra agus an riaghaltas a chuideachadh gus fear de na geallaidhean a sgrìobhadh?',
            },
          },
          {
            kind: 'long_text',
            prompt: {
              en: 'What one change would make government more open to you?',
              gd: 'Dè an aon atharrachadh a dhèanadh an riaghaltas nas fhosgailte dhutsa?',
            },
            charLimit: 1500,
          },
        ],
      },
    ],
  }
}

/** Inserts one consultation and its questions unless its slug is taken. Returns whether it did. */
async function seedConsultation(seed: SeedConsultation) {
  return getDb().transaction(async (tx) => {
    const [existing] = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, seed.slug))
    if (existing) return false
    const [official] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = 'official@guth.example'`)
    const [government] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'scottish-government'))
    const [consultation] = await tx
      .insert(consultations)
      .values({
        slug: seed.slug,
        title: seed.title,
        summary: seed.summary,
        body: assignBlockIds(textToDoc(seed.body)) as unknown as Record<string, unknown>,
        team: seed.team,
        contactEmail: seed.contactEmail,
        postalAddress: seed.postalAddress ?? null,
        organisationId: government?.id ?? null,
        opensAt: seed.opensAt,
        closesAt: seed.closesAt,
        topics: ({ 'local-democracy-bill': ['local democracy', 'bsl', 'gaelic'], 'open-government-action-plan-2027': ['open government', 'open data'] } as Record<string, string[]>)[seed.slug] ?? [],
        publishedAt: new Date(Math.min(Date.now(), seed.opensAt.getTime())),
        createdBy: official?.id ?? null,
      })
      .returning({ id: consultations.id })
    let position = 0
    for (const section of seed.sections) {
      for (const { followUp, ...question } of section.questions) {
        const row = (q: Omit<SeedQuestion, 'followUp'>, followUpOf: string | null) => ({
          consultationId: consultation!.id,
          position: ++position,
          section: section.title,
          kind: q.kind,
          prompt: q.prompt,
          help: q.help ?? null,
          options: q.options ?? [],
          required: q.required ?? false,
          charLimit: q.charLimit ?? null,
          followUpOf,
        })
        const [parent] = await tx.insert(questions).values(row(question, null)).returning({ id: questions.id })
        if (followUp) await tx.insert(questions).values(row(followUp, parent!.id))
      }
    }
    return true
  })
}

export const localDemocracySlug = 'local-democracy-bill'

/**
 * The Scottish Government's consultation on a Local Democracy Bill, open from 14 days ago until
 * 60 days from now, with a closed and a forthcoming companion so every public tab has content.
 * Idempotent: a consultation whose slug exists is left as it is (its dates are not moved).
 */
export async function seedLocalDemocracyConsultation() {
  const seeded: string[] = []
  for (const seed of [localDemocracy(), budgetEngagement(), openGovernmentActionPlan()]) {
    if (await seedConsultation(seed)) seeded.push(seed.slug)
  }
  return seeded
}
