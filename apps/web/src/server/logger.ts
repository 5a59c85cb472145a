import { createLogger } from '@p2pvalue/shared';
import { env } from '../env';

export const logger = createLogger({ name: 'web', level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' });
