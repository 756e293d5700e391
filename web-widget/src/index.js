export * from './core/api.js';
