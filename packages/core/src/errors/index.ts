export { InvalidArgumentError, NotFoundError, RepositoryError, TraceryError } from './tracery-error.js';
