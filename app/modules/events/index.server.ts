// The events module's public face for server code: queries, commands, read models. Never import it
// from code that runs in the browser (a component); index.ts holds what may.

import './comments.server'
import './notify.server'
export { bookFromForm, type BookingFieldErrors } from './booking-form.server'
export { cancelBooking, changeBooking } from './bookings.server'
export { approveEvent, cancelEvent, createEvent, returnEvent, updateEvent } from './commands.server'
export { loadEventComments } from './comments.server'
export { readEventForm } from './details.server'
export { exportMyBookings } from './export.server'
export { embedResponse, eventCalendarResponse, subscribedCalendarResponse, syndicationResponse } from './feeds.server'
export { bookingPath } from './manage-key.server'
export { assertMayScheduleEvents, attendeesCsv, dayText, eventForEditing, listAttendees, manageOverview, organisationsFor } from './manage.server'
export { assertMayManageProgrammes, createProgramme, listProgrammesToManage, programmeForEditing, updateProgramme } from './programmes.server'
export { listFilterChoices } from './queries.server'
export { bookingCalendar, bookingPage, calendarListPage, calendarMonthPage, type EventCard, eventPage, filterQuery, programmePage, upcomingEvents } from './views.server'
export { type SessionTime } from './when.server'

