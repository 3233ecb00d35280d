export { findMarkupDeclaration, type MarkupDeclaration } from './find-markup-declaration.js';
