// The static website of an association's figures (issue 9).
export { publishSite, type PublishOptions } from './site.js';
