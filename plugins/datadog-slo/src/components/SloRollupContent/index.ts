export { SloRollupContent } from './SloRollupContent';
