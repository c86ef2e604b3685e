/** The margin-financing broker venue: spot trading, purchases on credit, margin calls, forced sales, failure. */
export type {
  AssetPrices,
  BrokerAccount,
  BrokerAsset,
  BrokerOptions,
  BrokerState,
  Client,
  Holdings,
  MarginCall,
} from './broker-state.ts';
export { BROKER_ASSETS, createBroker, emptyHoldings } from './broker-state.ts';
export type { NewClient } from './clients.ts';
export { clientDebt, clientOf, openClient, openClientWith } from './clients.ts';
export type * from './broker-events.ts';
export type * from './margin-events.ts';
export type { SpotPurpose, SpotSeam, SpotSide } from './spot-seam.ts';
export { fixedSpreadSpotSeam } from './spot-seam.ts';
export { buySpot, sellSpot } from './spot.ts';
export { borrowCash, buyOnCredit, repay, topUp } from './financing.ts';
export { maxCreditPurchase } from './credit-capacity.ts';
export type { ClientAssessment } from './client-margin.ts';
export { assessClient } from './client-margin.ts';
export type { ClientReaction, ClientReactions } from './reactions.ts';
export { NO_REACTION, reduceCollateral } from './reactions.ts';
export { stepBroker } from './broker-step.ts';
export { brokerFailure } from './broker-failure.ts';
export type { BrokerExposure } from './broker-exposure.ts';
export { brokerExposure } from './broker-exposure.ts';
export type { BrokerInvariantReport } from './broker-invariants.ts';
export { checkBrokerInvariants } from './broker-invariants.ts';
