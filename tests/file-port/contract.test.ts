import { describePortContract } from '../contract/portContract';
import { fileSubject } from './seed';

describePortContract('file port (.xlsx)', fileSubject);
