import { ApiObject, applications } from './__fixtures__';
import { applicationHealth, ArgoApplication } from './applicationHealth';

const health = (object: ApiObject) =>
  applicationHealth(object as ArgoApplication);

describe('applicationHealth (the argoproj.io/Application customisation Argo CD documents)', () => {
  it("Healthy when the child application's health is Healthy", () => {
    expect(health(applications.healthy)).toEqual({ health: 'Healthy' });
  });

  it('Degraded, with its message, when the child is Degraded', () => {
    expect(health(applications.degraded)).toEqual({
      health: 'Degraded',
      message: 'Deployment "checkout-api" exceeded its progress deadline',
    });
  });

  it('Suspended when the child is Suspended', () => {
    expect(health(applications.suspended)).toEqual({ health: 'Suspended' });
  });

  it('Missing when the child is Missing', () => {
    expect(health(applications.missing)).toEqual({ health: 'Missing' });
  });

  it('Progressing before the child has a status', () => {
    expect(health(applications.justCreated)).toEqual({ health: 'Progressing' });
  });

  it('Progressing while the status has no health yet', () => {
    expect(health(applications.withoutHealth)).toEqual({
      health: 'Progressing',
    });
  });

  it('Unknown when the health has no status (the Lua returns none)', () => {
    expect(health(applications.healthWithoutStatus)).toEqual({
      health: 'Unknown',
      message: 'Lua returned an invalid health status',
    });
  });

  it('Unknown, never throwing, when the health is not an object', () => {
    const object = structuredClone(applications.healthy);
    object.status.health = 'Healthy';
    expect(health(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to run the argoproj.io/Application health check: status.health: expected an object, got the string "Healthy"',
    });
  });
});
