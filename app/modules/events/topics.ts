export { topicLabel } from '~/kernel/topics'
