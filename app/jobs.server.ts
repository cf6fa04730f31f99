// Every module's background jobs, imported for their definitions so any process can work them.
import '~/platform/mail.server'
import '~/platform/maintenance.server'
import '~/modules/accounts/index.server'
import '~/modules/consultations/index.server'
import '~/modules/comments/index.server'
import '~/modules/media/index.server'
import '~/modules/events/index.server'
import '~/modules/analysis/index.server'
