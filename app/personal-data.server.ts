import { exportAccountData } from '~/modules/accounts/index.server'
import { exportMyComments } from '~/modules/comments/index.server'
import { exportMyResponses } from '~/modules/consultations/index.server'
import { exportMyBookings } from '~/modules/events/index.server'

// The personal-data download is put together here, above the modules: accounts knows the person,
// and each module that holds personal data exports its own part, so no module imports another
// for it (accounts importing comments made a cycle).

/** Everything Guth holds about the person, for them to download (the right of access). */
export async function exportMyData(userId: string) {
  const { person, about, generatedAt, sections } = await exportAccountData(userId)
  const [comments, consultationResponses, eventBookings] = await Promise.all([
    exportMyComments(person),
    // Linked by account or by the address the person signs in with, which that proves is theirs.
    exportMyResponses(person),
    exportMyBookings(person),
  ])
  return { about, generatedAt, ...sections, comments, consultationResponses, eventBookings }
}
