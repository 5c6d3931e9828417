/**
 * Sharing through the 政务公开办's server (issue 17). The clerk's part sits in the editor's
 * toolbar (ClerkSharing.tsx, loaded lazily by the app); the supervisor's wraps the review
 * workspace (SharedReview). PouchDB itself loads only once connected (src/sync/pouch.ts).
 */
export { SharedReview, type SharedReviewProps } from './SupervisorSharing.tsx';
