// Every module's background jobs, imported for their definitions so any process can work them.
import '~/platform/mail.server'
import '~/modules/accounts/jobs.server'
import '~/modules/consultations/notify.server'
import '~/modules/comments/notify.server'
import '~/modules/media/processing.server'
import '~/modules/media/sweep.server'
import '~/modules/events/notify.server'
import '~/modules/analysis/runs.server'
