// The static website of an association's figures.
export { publishSite, type PublishOptions } from './site.js';
