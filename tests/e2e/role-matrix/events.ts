import { everyone, type Expected, NO_SUCH_ID, type RouteCase, signedIn } from './shared'

// Routes of the events calendar. Organiser rights come from approved membership (the demo
// organiser is in the civil society network, the official in the Scottish Government); moderators
// and admins look after every event.
const schedulers: Expected = { ...everyone(200), anonymous: 302, citizen: 403 }
const moderators: Expected = { ...everyone(403), anonymous: 302, moderator: 200, admin: 200 }
const seeded = '/events/pioneer-year-launch-edinburgh'

export const eventCases: RouteCase[] = [
  { files: ['events._index.tsx'], path: '/events', expect: everyone(200) },
  { files: ['events._index.tsx'], path: '/events?tag=open%20government&access=bsl&mode=in_person', expect: everyone(200) },
  { files: ['events._index.tsx'], path: '/events?mode=teleport', expect: everyone(400) },
  { files: ['events.month.tsx'], path: '/events/month', expect: everyone(200) },
  { files: ['events.month.tsx'], path: '/events/month?month=2027-13', expect: everyone(400) },
  { files: ['events.$slug._index.tsx'], path: seeded, expect: everyone(200) },
  { files: ['events.$slug._index.tsx'], path: '/events/no-such-event', expect: everyone(404) },
  { files: ['events.$slug.calendar[.]ics.tsx'], path: `${seeded}/calendar.ics`, expect: everyone(200) },
  { files: ['events.$slug.calendar[.]ics.tsx'], path: '/events/no-such-event/calendar.ics', expect: everyone(404) },
  { files: ['events.$slug.bookings.$id.tsx'], path: `${seeded}/bookings/${NO_SUCH_ID}?key=wrong`, expect: everyone(404) },
  { files: ['events.$slug.bookings.$id.calendar[.]ics.tsx'], path: `${seeded}/bookings/${NO_SUCH_ID}/calendar.ics?key=wrong`, expect: everyone(404) },
  { files: ['events.$slug._index.tsx'], path: '/events/no-such-series-2026-12-22', expect: everyone(404) },
  { files: ['programmes.$slug.tsx'], path: '/programmes/open-government-pioneer-year', expect: everyone(200) },
  { files: ['programmes.$slug.tsx'], path: '/programmes/no-such-programme', expect: everyone(404) },
  { files: ['feeds.events[.]ics.tsx'], path: '/feeds/events.ics', expect: everyone(200) },
  { files: ['feeds.events[.]ics.tsx'], path: '/feeds/events.ics?programme=open-government-pioneer-year', expect: everyone(200) },
  { files: ['feeds.events[.]ics.tsx'], path: '/feeds/events.ics?tag=a&organisation=b', expect: everyone(400) },
  { files: ['feeds.events[.]rss.tsx'], path: '/feeds/events.rss', expect: everyone(200) },
  { files: ['feeds.events[.]atom.tsx'], path: '/feeds/events.atom?tag=bsl', expect: everyone(200) },
  { files: ['feeds.events[.]atom.tsx'], path: '/feeds/events.atom?tag=<b>', expect: everyone(400) },
  { files: ['embed.events.tsx'], path: '/embed/events?programme=open-government-pioneer-year&limit=3', expect: everyone(200) },
  { files: ['embed.events.tsx'], path: '/embed/events?limit=500', expect: everyone(400) },
  { files: ['embed.events[.]css.tsx'], path: '/embed/events.css', expect: everyone(200) },
  { files: ['manage.events._index.tsx'], path: '/manage/events', expect: schedulers },
  { files: ['manage.events.new.tsx'], path: '/manage/events/new', expect: schedulers },
  { files: ['manage.events.$id._index.tsx'], path: `/manage/events/${NO_SUCH_ID}`, expect: signedIn(404) },
  { files: ['manage.events.$id.attendees.tsx'], path: `/manage/events/${NO_SUCH_ID}/attendees`, expect: signedIn(404) },
  { files: ['manage.events.$id.attendees[.]csv.tsx'], path: `/manage/events/${NO_SUCH_ID}/attendees.csv`, expect: signedIn(404) },
  { files: ['manage.programmes._index.tsx'], path: '/manage/programmes', expect: moderators },
  { files: ['manage.programmes.new.tsx'], path: '/manage/programmes/new', expect: moderators },
  { files: ['manage.programmes.$id.tsx'], path: `/manage/programmes/${NO_SUCH_ID}`, expect: { ...moderators, moderator: 404, admin: 404 } },
]
