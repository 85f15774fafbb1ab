// Stand-in for lightning/uiObjectInfoApi: the Account's field access of a sales manager, or of a
// rep for the read-only user (the sample object infos of the jest tests).
import { objectInfoAnswer } from '../../../app/fixtures.js';

export class getObjectInfo {
  private connected = false;

  constructor(private readonly provision: (value: unknown) => void) {}

  connect(): void {
    this.connected = true;
    setTimeout(() => this.connected && this.provision(objectInfoAnswer()), 0);
  }
  disconnect(): void {
    this.connected = false;
  }
  update(): void {}
}

export class getPicklistValues {
  constructor(private readonly provision: (value: unknown) => void) {}
  connect(): void {
    this.provision({ data: undefined, error: undefined });
  }
  disconnect(): void {}
  update(): void {}
}
