export { FeedbackForm } from './FeedbackForm';
export { NewsletterForm } from './NewsletterForm';
