// Stand-in for lightning/uiObjectInfoApi: the object infos of the sample data for the object asked
// (scripts/preview/app/fixtures.ts), for a user with access or the read-only user.
import { objectInfoAnswer } from '../../../app/fixtures.js';

type ObjectRef = string | { objectApiName: string } | undefined;

export class getObjectInfo {
  private connected = false;
  private objectApiName: string | undefined;

  constructor(private readonly provision: (value: unknown) => void) {}

  connect(): void {
    this.connected = true;
    this.answer();
  }
  disconnect(): void {
    this.connected = false;
  }
  update(config: { objectApiName?: ObjectRef }): void {
    const ref = config.objectApiName;
    this.objectApiName = typeof ref === 'string' ? ref : ref?.objectApiName;
    this.answer();
  }
  private answer(): void {
    const name = this.objectApiName;
    if (!this.connected || !name) return;
    setTimeout(() => this.connected && this.provision(objectInfoAnswer(name)), 0);
  }
}

export class getPicklistValues {
  constructor(private readonly provision: (value: unknown) => void) {}
  connect(): void {
    this.provision({ data: undefined, error: undefined });
  }
  disconnect(): void {}
  update(): void {}
}
